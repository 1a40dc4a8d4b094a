// <pk-training-tracker> in every state, against the in-memory mock API: learning paths, courses
// with their modules and progress, enrolment and completion, and the certifications earned with
// their renewal warnings, expiry and the tier criteria they count toward.
import '@partnerkit/elements/define/pk-training-tracker';
import type { Certification, CertificationDefinition, Course, Me } from '@partnerkit/api';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  certification,
  DAY,
  demoCertificationDefinitions as defs,
  demoCourses,
  demoPaths,
  enrollment,
  type MockErrorKind,
} from '../packages/elements/test/mock-api.js';
import {
  fitsItsColumn,
  hostile,
  loadFailure,
  longCompanyName,
  longReason,
  narrowColumn,
  type PortalParameters,
} from './support/states.js';
import { completionFails, earnCertification, loadedTracker, resume } from './support/training.js';

type TrackerArgs = { renewalWindow?: number };

const meta: Meta<TrackerArgs> = {
  title: 'Components/pk-training-tracker',
  component: 'pk-training-tracker',
  args: { renewalWindow: 60 },
};
export default meta;
type Story = StoryObj<TrackerArgs> & { parameters?: PortalParameters };

/** The tracker cannot load: it shows the failure's message and a retry. */
const cannotLoad = (kind: MockErrorKind) => loadFailure('pk-training-tracker', 'listCourses', kind);

/**
 * Certifications of the story's caller (each story has a caller of its own), each expiring in
 * `days` days (a negative number: expired).
 */
const held =
  (...certs: [CertificationDefinition, number, string][]) =>
  (me: Me, now: number): Certification[] =>
    certs.map(([definition, days, courseId]) => certification(definition, me.user, now, days, courseId));

/** Thirty courses, a third of them started. */
const manyCourses: Course[] = Array.from({ length: 30 }, (_, i) => {
  const c = demoCourses[i % demoCourses.length]!;
  return { ...c, id: `crs_${i}`, title: `${c.title} ${Math.floor(i / 4) + 1}` };
});

export const Courses: Story = {
  name: 'Training: paths, courses and certifications',
};

export const ModulesOpen: Story = {
  name: 'Training: resumed at the next module',
  play: (context) => resume(context).then(() => undefined),
};

export const Loading: Story = {
  name: 'Loading',
  parameters: { mockApi: { latency: 'never' } },
};

export const Empty: Story = {
  name: 'Empty: no courses',
  parameters: { mockApi: { courses: [], learningPaths: [], enrollments: [], certifications: [] } },
};

export const ErrorAuthentication: Story = { name: 'Error: not signed in', ...cannotLoad('authentication') };
export const ErrorPermission: Story = { name: 'Error: not allowed', ...cannotLoad('permission') };
export const ErrorNotFound: Story = { name: 'Error: not found', ...cannotLoad('not_found') };
export const ErrorRateLimit: Story = { name: 'Error: too many requests', ...cannotLoad('rate_limit') };
export const ErrorServer: Story = { name: 'Error: server failure', ...cannotLoad('server') };
export const ErrorNetwork: Story = { name: 'Error: offline', ...cannotLoad('network') };
export const ErrorTimeout: Story = { name: 'Error: timed out', ...cannotLoad('timeout') };
export const ErrorCompletion: Story = {
  name: 'Error: a module could not be completed',
  parameters: { mockApi: { fail: { completeModule: 'network' } } },
  play: completionFails,
};

export const Expiring: Story = {
  name: 'Certification: renewal due',
  parameters: {
    mockApi: {
      certifications: held(
        [defs.technical!, 12, 'crs_technical'],
        [defs.sales!, 60, 'crs_sales'],
        [defs.security!, 61, 'crs_security'],
      ),
    },
  },
};

export const Expired: Story = {
  name: 'Certification: expired',
  parameters: {
    mockApi: {
      certifications: held([defs.security!, -20, 'crs_security'], [defs.technical!, 400, 'crs_technical']),
    },
  },
};

export const Earned: Story = {
  name: 'Certification: just earned',
  parameters: { mockApi: { certifications: [] } },
  play: earnCertification,
};

export const Many: Story = {
  name: 'Many courses',
  parameters: {
    mockApi: {
      courses: manyCourses,
      learningPaths: demoPaths.map((p, i) => ({
        ...p,
        courseIds: manyCourses.filter((_, j) => j % 2 === i).map((c) => c.id),
      })),
      enrollments: (me, now) =>
        manyCourses.slice(0, 10).map((c, i) => enrollment(me, c, i % 5, now - i * DAY)),
    },
  },
};

export const LongText: Story = {
  name: 'Long text',
  parameters: {
    mockApi: {
      courses: demoCourses.map((c) => ({
        ...c,
        title: `${c.title}: ${longCompanyName}`,
        description: longReason,
        modules: c.modules.map((m) => ({
          ...m,
          title: `${m.title} – Grundlagen der Zusammenarbeitsvereinbarungen`,
        })),
      })),
      learningPaths: demoPaths.map((p) => ({
        ...p,
        name: `${p.name} ${longCompanyName}`,
        description: longReason,
      })),
      certifications: (me, now) =>
        held([defs.technical!, 30, 'crs_technical'])(me, now).map((c) => ({
          ...c,
          name: `Acme Certified ${longCompanyName} Specialist`,
        })),
    },
  },
  play: fitsItsColumn((context) => resume(context, `Selling Acme Analytics: ${longCompanyName}`)),
};

export const ServerStringsAreText: Story = {
  name: 'Server strings shown as text',
  parameters: {
    mockApi: {
      courses: demoCourses.map((c, i) =>
        i === 1 ? { ...c, title: hostile.image, description: hostile.script } : c,
      ),
      certifications: (me, now) =>
        held([defs.technical!, 30, 'crs_technical'])(me, now).map((c) => ({ ...c, name: hostile.bold })),
    },
  },
};

export const German: Story = {
  name: 'German',
  globals: { locale: 'de' },
};

export const RightToLeft: Story = {
  name: 'Right to left',
  globals: { direction: 'rtl' },
  play: (context) => resume(context).then(() => undefined),
};

export const Dark: Story = {
  name: 'Dark: resumed at the next module',
  globals: { theme: 'dark' },
  play: (context) => resume(context).then(() => undefined),
};

export const Narrow: Story = {
  name: 'Narrow: a phone-wide column',
  render: (args) =>
    narrowColumn(
      html`<pk-training-tracker renewal-window=${args.renewalWindow ?? 60}></pk-training-tracker>`,
    ),
  play: fitsItsColumn(async (context) => {
    const el = await loadedTracker(context);
    await resume(context);
    return el;
  }),
};

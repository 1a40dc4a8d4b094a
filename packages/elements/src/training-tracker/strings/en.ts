/** Strings of `<pk-training-tracker>`. */
const en = {
  loading: 'Loading your training…',
  certifications: 'Your certifications',
  noCertifications: 'You have not earned a certification yet.',
  paths: 'Learning paths',
  courses: 'Courses',
  empty: 'No courses are available to you yet.',
  noMatch: 'No course matches these filters.',
  clear: 'Clear filters',
  status: 'Status',
  path: 'Learning path',
  search: 'Search courses',
  all: 'All',
  /** The status of a course for the caller. */
  course: { not_started: 'Not started', in_progress: 'In progress', completed: 'Completed' },
  /** The status of a certification: renew soon inside the renewal window. */
  cert: { active: 'Active', expiring: 'Renew soon', expired: 'Expired' },
  level: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' },
  left: (time: string) => `${time} left`,
  modules: (count: string) => `${count} ${count === '1' ? 'module' : 'modules'}`,
  progress: (title: string) => `Progress of ${title}`,
  modulesDone: (done: string, total: string, share: string) =>
    `${done} of ${total} modules completed (${share})`,
  coursesDone: (done: string, total: string) => `${done} of ${total} courses completed`,
  leadsTo: (name: string) => `Certification: ${name}`,
  enroll: 'Enrol',
  start: 'Start',
  resume: 'Resume',
  renew: 'Renew',
  complete: 'Mark as complete',
  dates: (earned: string, expires: string, expired: boolean) =>
    `Earned ${earned} · ${expired ? 'expired' : 'valid until'} ${expires}`,
  renewBy: (when: string) => `Renew it: it expires ${when}.`,
  noLongerCounts: 'It no longer counts toward any tier.',
  countsFor: (tier: string) => `+1 certified person for ${tier}`,
  countsOf: (tier: string, current: string, required: string) =>
    `+1 of ${required} certified people for ${tier} (${current} now)`,
  shown: (count: string) => `${count} ${count === '1' ? 'course' : 'courses'} shown.`,
  enrolled: (title: string) => `Enrolled in ${title}.`,
  earned: (name: string, until: string) => `Certification earned: ${name}, valid until ${until}.`,
};

export type TrainingStrings = typeof en;
export default en;

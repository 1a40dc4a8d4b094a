-- Training: certification definitions, courses with their modules, learning paths, enrolments
-- with their completed modules, and the certifications people hold.

CREATE TABLE certification_definitions (
  id              text PRIMARY KEY,
  name            text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  validity_months integer NOT NULL CHECK (validity_months BETWEEN 1 AND 120)
);

-- `partner_types` and `roles` are the audience (an empty array is everyone).
CREATE TABLE courses (
  id               text PRIMARY KEY,
  title            text   NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description      text   NOT NULL,
  level            text   NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
  language         text   NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$'),
  partner_types    text[] NOT NULL DEFAULT '{}'
    CHECK (partner_types <@ ARRAY['reseller', 'var', 'isv', 'si', 'msp', 'referral', 'marketplace']),
  roles            text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['partner_user', 'partner_admin']),
  certification_id text REFERENCES certification_definitions (id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX courses_created ON courses (created_at, id);

CREATE TABLE course_modules (
  id               text PRIMARY KEY,
  course_id        text    NOT NULL REFERENCES courses (id),
  position         integer NOT NULL CHECK (position >= 0),
  title            text    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  duration_minutes integer NOT NULL CHECK (duration_minutes >= 0),
  UNIQUE (course_id, position)
);

CREATE TABLE learning_paths (
  id               text PRIMARY KEY,
  name             text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description      text    NOT NULL,
  partner_types    text[]  NOT NULL DEFAULT '{}'
    CHECK (partner_types <@ ARRAY['reseller', 'var', 'isv', 'si', 'msp', 'referral', 'marketplace']),
  roles            text[]  NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY['partner_user', 'partner_admin']),
  -- The certification the path leads to (granted by one of its courses).
  certification_id text REFERENCES certification_definitions (id),
  position         integer NOT NULL DEFAULT 0
);

CREATE TABLE learning_path_courses (
  path_id   text    NOT NULL REFERENCES learning_paths (id),
  course_id text    NOT NULL REFERENCES courses (id),
  position  integer NOT NULL CHECK (position >= 0),
  PRIMARY KEY (path_id, course_id),
  UNIQUE (path_id, position)
);

-- One open enrolment per person and course; a completed one may be followed by a new one (to
-- renew an expiring certification).
CREATE TABLE enrollments (
  id               text PRIMARY KEY,
  partner_id       text NOT NULL REFERENCES partners (id),
  user_id          text NOT NULL REFERENCES users (id),
  course_id        text NOT NULL REFERENCES courses (id),
  status           text NOT NULL CHECK (status IN ('enrolled', 'in_progress', 'completed')),
  enrolled_at      timestamptz NOT NULL,
  completed_at     timestamptz,
  last_activity_at timestamptz NOT NULL,
  CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
  CHECK (last_activity_at >= enrolled_at)
);
CREATE UNIQUE INDEX enrollments_open_per_user_course ON enrollments (user_id, course_id)
  WHERE completed_at IS NULL;
CREATE INDEX enrollments_user_enrolled ON enrollments (user_id, enrolled_at, id);
CREATE INDEX enrollments_partner_enrolled ON enrollments (partner_id, enrolled_at, id);

CREATE TABLE module_completions (
  enrollment_id text NOT NULL REFERENCES enrollments (id),
  module_id     text NOT NULL REFERENCES course_modules (id),
  completed_at  timestamptz NOT NULL,
  PRIMARY KEY (enrollment_id, module_id)
);

-- One row per person and certification; a renewal moves its dates on.
CREATE TABLE certifications (
  id              text PRIMARY KEY,
  partner_id      text NOT NULL REFERENCES partners (id),
  user_id         text NOT NULL REFERENCES users (id),
  definition_id   text NOT NULL REFERENCES certification_definitions (id),
  course_id       text NOT NULL REFERENCES courses (id),
  first_earned_at timestamptz NOT NULL,
  earned_at       timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  renewals        integer NOT NULL DEFAULT 0 CHECK (renewals >= 0),
  UNIQUE (user_id, definition_id),
  CHECK (expires_at > earned_at),
  CHECK (earned_at >= first_earned_at)
);
CREATE INDEX certifications_partner_expiry ON certifications (partner_id, expires_at, id);
CREATE INDEX certifications_user_expiry ON certifications (user_id, expires_at, id);

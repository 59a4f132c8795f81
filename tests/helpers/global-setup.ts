// CI must run the PostgreSQL layer: a missing TEST_DATABASE_URL there is a failure, not a skip.
export default function setup(): void {
  if (process.env.CI && !process.env.TEST_DATABASE_URL) {
    throw new Error("CI is set but TEST_DATABASE_URL is not: the PostgreSQL integration tests would be skipped");
  }
  if (!process.env.TEST_DATABASE_URL) {
    console.warn(
      "[tests] TEST_DATABASE_URL is not set: integration tests run on embedded PGlite only (set it to postgres://postgres@127.0.0.1:5432/test to include PostgreSQL).",
    );
  }
}

// Stand-in for the `server-only` marker package, whose default export throws outside Next's server build.
export {};

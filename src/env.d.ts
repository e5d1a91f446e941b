/** True only in the `e2e` build the browser tests run against. */
declare const __TEST_HOOKS__: boolean;

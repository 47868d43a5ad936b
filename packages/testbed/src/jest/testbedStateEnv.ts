/** Names the testbed.json of the shared testbed; set by globalSetup for the test workers. */
export const TESTBED_STATE_ENV = 'HUBSPOKE_TESTBED_STATE';

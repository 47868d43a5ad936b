/**
 * The environment for the `git` CLI: no prompts, no system or user configuration (a
 * developer's hooks, signing or URL rewrites must not change what a test pushes), a
 * fixed identity, and optional extra configuration as GIT_CONFIG_KEY_n/VALUE_n.
 */
export function gitEnv(config: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Hubspoke Test',
    GIT_AUTHOR_EMAIL: 'test@hubspoke.invalid',
    GIT_COMMITTER_NAME: 'Hubspoke Test',
    GIT_COMMITTER_EMAIL: 'test@hubspoke.invalid',
  };
  const entries = Object.entries(config);
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(entries.length);
  return env;
}

import { mockServices } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

export interface RunActionOptions {
  isDryRun?: boolean;
  workspacePath?: string;
  secrets?: Record<string, string>;
  /** Runs after the handler, whether it threw or not. */
  afterRun?(
    logger: ReturnType<typeof mockServices.logger.mock>,
    output: jest.Mock,
  ): void;
}

/** Runs an action's handler on a mock context and returns its outputs by name. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: object,
  options: RunActionOptions = {},
) {
  const logger = mockServices.logger.mock();
  // createMockActionContext drops isDryRun, so it is set on the context afterwards.
  const ctx = {
    ...createMockActionContext({
      input: input as any,
      workspacePath: options.workspacePath,
      secrets: options.secrets,
      logger,
    }),
    isDryRun: options.isDryRun,
  };
  try {
    await action.handler(ctx as any);
  } finally {
    options.afterRun?.(logger, ctx.output as jest.Mock);
  }
  const outputs: Record<string, any> = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls,
  );
  return { outputs, logger };
}

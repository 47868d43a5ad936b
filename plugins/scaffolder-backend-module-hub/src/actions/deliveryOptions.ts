/** Where an action's objects go: the cluster, or the fleet repository in the workspace. */
export type DeliveryMode = 'apply' | 'gitops';

/** The input an action takes through `deliveryFields`. */
interface DeliveryInput {
  mode?: DeliveryMode;
  dryRun?: boolean;
  force?: boolean;
  gitopsDir?: string;
}

export interface DeliveryOptions {
  mode: DeliveryMode;
  /** The task's dry run or the input's. */
  dryRun: boolean;
  force: boolean;
  gitopsDir: string;
}

/**
 * Splits an action's input into its delivery options, with the defaults every action
 * shares (no dry run, no force, the workspace root) and its own default mode, and the
 * fields that remain.
 */
export function deliveryOptions<Input extends DeliveryInput>(
  input: Input,
  taskDryRun: boolean | undefined,
  { defaultMode }: { defaultMode: DeliveryMode },
): DeliveryOptions & { fields: Omit<Input, keyof DeliveryInput> } {
  const {
    mode = defaultMode,
    dryRun = false,
    force = false,
    gitopsDir = '.',
    ...fields
  } = input;
  return {
    mode,
    dryRun: taskDryRun === true || dryRun,
    force,
    gitopsDir,
    fields,
  };
}

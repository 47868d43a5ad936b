import {
  SecurityBaselineInput,
  securityBaselineGitopsFiles,
  securityBaselineGitopsRoot,
} from '@hubspoke/backstage-plugin-hub-common';
import { GitopsContext, writeGitopsFiles } from '../delivery/writeGitopsFiles';
import { namespacesDeclaredInFleet } from './securityBaselineFleetNamespaces';

/**
 * Gitops mode: writes clusters/<cluster>/security-baseline. System and platform
 * namespaces another folder of the fleet already declares (flux-system, once Flux is
 * bootstrapped) are left to that folder, with a warning naming the labels to add.
 */
export async function writeSecurityBaselineFiles(
  ctx: GitopsContext,
  input: SecurityBaselineInput,
  options: { gitopsDir: string; dryRun: boolean },
) {
  const root = securityBaselineGitopsRoot(input);
  const declared = await namespacesDeclaredInFleet(
    ctx.workspacePath,
    options.gitopsDir,
    root,
  );
  const levels = new Map<string, string>([
    ...input.systemNamespaces.map(
      name => [name, input.podSecurity.system] as const,
    ),
    [input.fluxNamespace, input.podSecurity.platform],
    [input.monitoringNamespace, input.podSecurity.platform],
  ]);
  const declaredElsewhere = [...levels.keys()].filter(name =>
    declared.has(name),
  );
  for (const name of declaredElsewhere) {
    ctx.logger.warn(
      `namespace ${name} is declared in ${declared.get(
        name,
      )}, so ${root} does not declare it again (Flux would refuse the duplicate): add pod-security.kubernetes.io/enforce: ${levels.get(
        name,
      )} to its labels there`,
    );
  }
  if (input.tenantReconcilerGroups.length > 0 && !input.tenantNamespaces) {
    ctx.logger.warn(
      'tenantReconcilerGroups: gitops mode binds them only in the namespaces named in tenantNamespaces; none are named, so no tenant namespace binds them',
    );
  }
  return writeGitopsFiles(ctx, {
    gitopsDir: options.gitopsDir,
    files: securityBaselineGitopsFiles(input, {
      tenantNamespaces: input.tenantNamespaces ?? [],
      declaredElsewhere,
    }),
    dryRun: options.dryRun,
  });
}

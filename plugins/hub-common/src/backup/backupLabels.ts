/** Labels on every object hub:backup:configure builds. */
export function backupLabels(
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    'app.kubernetes.io/managed-by': 'hubspoke',
    'app.kubernetes.io/part-of': 'hubspoke-backup',
    ...extra,
  };
}

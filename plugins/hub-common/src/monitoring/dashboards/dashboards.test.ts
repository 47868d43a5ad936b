import { parseMonitoringInput } from '../monitoringInput';
import { monitoringDraft } from '../monitoringTestInputs';
import {
  buildDashboardConfigMaps,
  buildHubDashboards,
} from './dashboardConfigMaps';
import { GrafanaPanel } from './grafanaDashboard';

const input = parseMonitoringInput(monitoringDraft());
const dashboards = buildHubDashboards(input);

function overlaps(a: GrafanaPanel, b: GrafanaPanel): boolean {
  const [p, q] = [a.gridPos, b.gridPos];
  return (
    p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h
  );
}

describe('the hub dashboards', () => {
  it('are the overview, Flux and tenants', () => {
    expect(dashboards.map(d => [d.uid, d.title])).toEqual([
      ['hubspoke-hub-overview', 'Hubspoke / Hub overview'],
      ['hubspoke-flux', 'Hubspoke / Flux'],
      ['hubspoke-tenants', 'Hubspoke / Tenants'],
    ]);
  });

  it.each(dashboards.map(d => [d.uid, d]))(
    '%s lays its panels out on the grid without overlaps, each querying the picked Prometheus',
    (_, board) => {
      const ids = board.panels.map(panel => panel.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const panel of board.panels) {
        expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
        expect(panel.targets.length).toBeGreaterThan(0);
        for (const target of panel.targets) {
          expect(target.datasource).toEqual({
            type: 'prometheus',
            uid: '${datasource}',
          });
          expect(target.expr).not.toBe('');
        }
      }
      const overlapping = board.panels.flatMap(panel =>
        board.panels
          .filter(other => other !== panel && overlaps(panel, other))
          .map(other => `${panel.title} / ${other.title}`),
      );
      expect(overlapping).toEqual([]);
      expect(board.templating.list[0]).toMatchObject({
        name: 'datasource',
        type: 'datasource',
        query: 'prometheus',
      });
    },
  );

  it('lets the tenants dashboard pick tenants from the tenant recording rule', () => {
    const tenants = dashboards[2];
    expect(tenants.templating.list[1]).toMatchObject({
      name: 'tenant',
      query: { query: 'label_values(hubspoke:namespace_tenant:info, tenant)' },
      includeAll: true,
      multi: true,
    });
    expect(
      tenants.panels
        .flatMap(p => p.targets)
        .every(t => t.expr.includes('$tenant')),
    ).toBe(true);
  });

  it('turns the backup ages red past the RPO', () => {
    const overview = dashboards[0];
    const velero = overview.panels.find(
      p => p.title === 'Age of the last Velero backup',
    );
    expect(velero?.fieldConfig.defaults.thresholds?.steps).toEqual([
      { color: 'green', value: null },
      { color: 'red', value: 86400 },
    ]);
  });

  it('leave out the backup ages that are not watched', () => {
    const without = buildHubDashboards(
      parseMonitoringInput(
        monitoringDraft({ backups: { velero: false, etcdSnapshot: false } }),
      ),
    );
    expect(without[0].panels.map(p => p.title)).not.toContain(
      'Age of the last Velero backup',
    );
  });

  it('ship as ConfigMaps the Grafana sidecar picks up', () => {
    const maps = buildDashboardConfigMaps(input);
    expect(maps.map(m => m.metadata.labels.grafana_dashboard)).toEqual([
      '1',
      '1',
      '1',
    ]);
    expect(JSON.parse(maps[1].data['hubspoke-flux.json'])).toEqual(
      dashboards[1],
    );
  });
});

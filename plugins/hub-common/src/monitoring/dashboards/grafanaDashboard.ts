/**
 * Grafana dashboard JSON (schema version 39) as far as Hubspoke's dashboards use it,
 * and small builders that lay panels out on Grafana's 24-column grid.
 */

export interface GrafanaDatasourceRef {
  type: 'prometheus';
  uid: string;
}

export interface GrafanaTarget {
  refId: string;
  datasource: GrafanaDatasourceRef;
  expr: string;
  legendFormat?: string;
  instant?: boolean;
  range?: boolean;
  format?: 'time_series' | 'table';
}

export interface GrafanaThresholdStep {
  color: string;
  value: number | null;
}

export interface GrafanaFieldDefaults {
  unit?: string;
  thresholds?: { mode: 'absolute'; steps: GrafanaThresholdStep[] };
  mappings?: Array<{
    type: 'value';
    options: Record<string, { text: string; color?: string }>;
  }>;
}

export type GrafanaPanelType = 'stat' | 'timeseries' | 'table';

export interface GrafanaPanel {
  id: number;
  type: GrafanaPanelType;
  title: string;
  description: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource: GrafanaDatasourceRef;
  targets: GrafanaTarget[];
  fieldConfig: { defaults: GrafanaFieldDefaults; overrides: never[] };
  options: Record<string, unknown>;
}

export interface GrafanaTemplateVariable {
  name: string;
  label: string;
  type: 'datasource' | 'query';
  query: string | { query: string; refId: string };
  datasource?: GrafanaDatasourceRef;
  refresh?: 1 | 2;
  includeAll?: boolean;
  multi?: boolean;
  allValue?: string;
  hide: 0;
}

export interface GrafanaDashboard {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  editable: boolean;
  schemaVersion: 39;
  timezone: 'browser';
  refresh: string;
  time: { from: string; to: string };
  annotations: { list: never[] };
  templating: { list: GrafanaTemplateVariable[] };
  panels: GrafanaPanel[];
}

/** Every panel queries the Prometheus picked in the dashboard's `datasource` variable. */
export const PROMETHEUS_DATASOURCE: GrafanaDatasourceRef = {
  type: 'prometheus',
  uid: '${datasource}',
};

const GRID_COLUMNS = 24;

/** A panel before layout: its size instead of a position, one query or several. */
export interface PanelDraft {
  type: GrafanaPanelType;
  title: string;
  description: string;
  width: number;
  height: number;
  queries: Array<{ expr: string; legend?: string }>;
  unit?: string;
  thresholds?: GrafanaThresholdStep[];
  mappings?: GrafanaFieldDefaults['mappings'];
}

function target(
  type: GrafanaPanelType,
  { expr, legend }: { expr: string; legend?: string },
  index: number,
): GrafanaTarget {
  const instant = type !== 'timeseries';
  return {
    refId: String.fromCharCode(65 + index),
    datasource: PROMETHEUS_DATASOURCE,
    expr,
    ...(legend && { legendFormat: legend }),
    instant,
    range: !instant,
    format: type === 'table' ? 'table' : 'time_series',
  };
}

function panelOptions(type: GrafanaPanelType): Record<string, unknown> {
  if (type === 'stat') {
    return {
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
      colorMode: 'background',
      graphMode: 'none',
      textMode: 'value',
    };
  }
  if (type === 'table') {
    return { showHeader: true, cellHeight: 'sm' };
  }
  return {
    legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
    tooltip: { mode: 'multi', sort: 'desc' },
  };
}

/** Places panels left to right, wrapping to a new row when the 24 columns are full. */
export function layoutPanels(drafts: PanelDraft[]): GrafanaPanel[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return drafts.map((draft, index) => {
    if (x + draft.width > GRID_COLUMNS) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const gridPos = { x, y, w: draft.width, h: draft.height };
    x += draft.width;
    rowHeight = Math.max(rowHeight, draft.height);
    return {
      id: index + 1,
      type: draft.type,
      title: draft.title,
      description: draft.description,
      gridPos,
      datasource: PROMETHEUS_DATASOURCE,
      targets: draft.queries.map((query, i) => target(draft.type, query, i)),
      fieldConfig: {
        defaults: {
          ...(draft.unit && { unit: draft.unit }),
          ...(draft.thresholds && {
            thresholds: { mode: 'absolute', steps: draft.thresholds },
          }),
          ...(draft.mappings && { mappings: draft.mappings }),
        },
        overrides: [],
      },
      options: panelOptions(draft.type),
    };
  });
}

/** Green below `limit`, red from it on. */
export function redFrom(limit: number): GrafanaThresholdStep[] {
  return [
    { color: 'green', value: null },
    { color: 'red', value: limit },
  ];
}

/** Red below `limit`, green from it on. */
export function greenFrom(limit: number): GrafanaThresholdStep[] {
  return [
    { color: 'red', value: null },
    { color: 'green', value: limit },
  ];
}

const DATASOURCE_VARIABLE: GrafanaTemplateVariable = {
  name: 'datasource',
  label: 'Prometheus',
  type: 'datasource',
  query: 'prometheus',
  hide: 0,
};

/** A dashboard with Hubspoke's common settings and a Prometheus picker. */
export function dashboard(options: {
  uid: string;
  title: string;
  description: string;
  variables?: GrafanaTemplateVariable[];
  panels: PanelDraft[];
}): GrafanaDashboard {
  return {
    uid: options.uid,
    title: options.title,
    description: options.description,
    tags: ['hubspoke'],
    editable: true,
    schemaVersion: 39,
    timezone: 'browser',
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    annotations: { list: [] },
    templating: {
      list: [DATASOURCE_VARIABLE, ...(options.variables ?? [])],
    },
    panels: layoutPanels(options.panels),
  };
}

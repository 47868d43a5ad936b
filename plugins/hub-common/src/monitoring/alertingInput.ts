import { z } from 'zod';
import {
  booleanField,
  dnsLabel,
  nonEmptyString,
  oneOf,
  requiredString,
} from '../manifests/inputRules';
import { httpUrl, prometheusDuration, taskSecretName } from './monitoringRules';

/** The severities the hub's rules use, most urgent first. */
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Where Alertmanager can deliver; each keeps its credential in a task secret. */
export const RECEIVER_TYPES = ['webhook', 'slack', 'pagerduty'] as const;
export type ReceiverType = (typeof RECEIVER_TYPES)[number];

/** The receiver Watchdog and InfoInhibitor go to; it delivers nowhere. */
export const NULL_RECEIVER = 'null';

const receiverSchema = z.strictObject(
  {
    name: dnsLabel(),
    type: oneOf(RECEIVER_TYPES),
    url: httpUrl().optional(),
    channel: nonEmptyString().optional(),
    secret: taskSecretName().optional(),
    sendResolved: booleanField().default(true),
  },
  { error: 'must be an object with name, type and the fields of its type' },
);

type ReceiverDraft = z.output<typeof receiverSchema>;

// Per type: what must be given, what must not, and why.
function receiverProblems(receiver: ReceiverDraft): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const require = (field: keyof ReceiverDraft, why: string) =>
    receiver[field] === undefined && problems.push([field, why]);
  const refuse = (field: keyof ReceiverDraft, why: string) =>
    receiver[field] !== undefined && problems.push([field, why]);
  if (receiver.name === NULL_RECEIVER) {
    problems.push([
      'name',
      `must not be "${NULL_RECEIVER}", the receiver that silences Watchdog`,
    ]);
  }
  if (receiver.type === 'webhook') {
    require('url', 'is required for a webhook receiver');
    refuse('channel', 'is only for slack receivers');
  } else if (receiver.type === 'slack') {
    require('secret', 'is required for a slack receiver: the task secret that holds the Slack webhook URL');
    require('channel', 'is required for a slack receiver, e.g. #platform-alerts');
    refuse(
      'url',
      'is not taken for slack: the webhook URL is a credential, put it in the task secret named by secret',
    );
  } else {
    require('secret', 'is required for a pagerduty receiver: the task secret that holds the routing key');
    refuse('url', 'is only for webhook receivers');
    refuse('channel', 'is only for slack receivers');
  }
  return problems;
}

const tenantRouteSchema = z.strictObject(
  {
    tenant: dnsLabel(),
    receiver: requiredString(),
    severities: z
      .array(oneOf(ALERT_SEVERITIES), {
        error: 'must be a list of severities',
      })
      .optional(),
  },
  { error: 'must be an object with tenant, receiver and severities' },
);

/** Alertmanager's receivers and the routes to them, per severity and per tenant. */
export const alertingInputSchema = z
  .strictObject(
    {
      receivers: z
        .array(receiverSchema, { error: 'must be a list of receivers' })
        .min(1, 'must list at least one receiver'),
      defaultReceiver: requiredString(),
      severityRoutes: z
        .record(z.string(), requiredString(), {
          error: 'must map severities to receiver names',
        })
        .default({}),
      tenantRoutes: z
        .array(tenantRouteSchema, { error: 'must be a list of tenant routes' })
        .default([]),
      groupWait: prometheusDuration().default('30s'),
      groupInterval: prometheusDuration().default('5m'),
      repeatInterval: prometheusDuration().default('4h'),
    },
    {
      error:
        'must be an object with receivers, defaultReceiver and the routes to them',
    },
  )
  .superRefine((alerting, ctx) => {
    const problem = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const names = alerting.receivers.map(receiver => receiver.name);
    const known = `must name a receiver in alerting.receivers (${names.join(
      ', ',
    )})`;
    alerting.receivers.forEach((receiver, index) => {
      receiverProblems(receiver).forEach(([field, message]) =>
        problem(['receivers', index, field], message),
      );
      if (names.indexOf(receiver.name) !== index) {
        problem(
          ['receivers', index, 'name'],
          `must not repeat "${receiver.name}"`,
        );
      }
    });
    if (!names.includes(alerting.defaultReceiver)) {
      problem(['defaultReceiver'], known);
    }
    for (const [severity, receiver] of Object.entries(
      alerting.severityRoutes,
    )) {
      if (!(ALERT_SEVERITIES as readonly string[]).includes(severity)) {
        problem(
          ['severityRoutes', severity],
          `is not a severity; use ${ALERT_SEVERITIES.join(', ')}`,
        );
      } else if (!names.includes(receiver)) {
        problem(['severityRoutes', severity], known);
      }
    }
    const tenants = alerting.tenantRoutes.map(route => route.tenant);
    alerting.tenantRoutes.forEach((route, index) => {
      if (!names.includes(route.receiver)) {
        problem(['tenantRoutes', index, 'receiver'], known);
      }
      if (tenants.indexOf(route.tenant) !== index) {
        problem(
          ['tenantRoutes', index, 'tenant'],
          `must not repeat "${route.tenant}"`,
        );
      }
      const severities = route.severities ?? [];
      if (route.severities?.length === 0) {
        problem(
          ['tenantRoutes', index, 'severities'],
          'must not be empty; leave it out to route every severity',
        );
      }
      severities.forEach((severity, position) => {
        if (severities.indexOf(severity) !== position) {
          problem(
            ['tenantRoutes', index, 'severities', position],
            `must not repeat "${severity}"`,
          );
        }
      });
    });
  })
  .transform(({ severityRoutes, ...rest }) => ({
    ...rest,
    severityRoutes: severityRoutes as Partial<Record<AlertSeverity, string>>,
  }));

/** Validated alerting input, with defaults filled in. */
export type AlertingInput = z.output<typeof alertingInputSchema>;

/** One validated receiver. */
export type AlertReceiverInput = AlertingInput['receivers'][number];

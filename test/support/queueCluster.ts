/**
 * scripts/queueMode.js's n8n queue-mode cluster, typed for the tests, and what they read from the
 * log of its processes.
 */
export interface Service {
	name: string;
	url: string;
	output(): string;
	alive(): boolean;
	kill(signal?: string): Promise<void>;
	stop(): Promise<void>;
}

export interface Cluster {
	root: string;
	main: Service;
	workers: Service[];
	webhooks: Service[];
	postgres: { query(sql: string): string[][] };
	add(spec: { role: 'worker' | 'webhook'; name: string; package?: boolean; env?: Record<string, string> }): Promise<Service>;
	stop(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const queueMode = require('../../scripts/queueMode');

export const startQueueCluster: (options: Record<string, unknown>) => Promise<Cluster> = queueMode.startQueueCluster;

/** The ids of the executions a worker's log says it started. */
export const startedExecutions = (service: Service): string[] =>
	[...service.output().matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]);

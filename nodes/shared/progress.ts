import type { IExecuteFunctions } from 'n8n-workflow';

import type { Delivery } from './delivery';

const EVERY_MS = 10_000;
/** Runs with at least this many requests say in the log how they ended. */
const REPORTED_FROM = 100;

/**
 * Progress of a long run in n8n's log: a line every 10 seconds (checked as requests complete, so
 * no timer is left behind) and one at the end of runs of 100 requests or more.
 */
export class Progress {
	private ok = 0;
	private failed = 0;
	private readonly started = Date.now();
	private lastLine = this.started;
	private readonly label: string;

	constructor(
		private readonly fn: IExecuteFunctions,
		private readonly total: number,
		private readonly delivery?: Delivery,
	) {
		this.label = fn.getNode().name;
	}

	done(ok: boolean): void {
		if (ok) this.ok++;
		else this.failed++;
		const now = Date.now();
		if (now - this.lastLine >= EVERY_MS) {
			this.lastLine = now;
			this.fn.logger.info(this.line(now));
		}
	}

	finish(): void {
		if (this.total >= REPORTED_FROM || this.lastLine !== this.started)
			this.fn.logger.info(this.line(Date.now(), 'finished: '));
	}

	private line(now: number, prefix = ''): string {
		const seconds = Math.max(0.001, (now - this.started) / 1000);
		const parts = [`${this.ok + this.failed}/${this.total} requests done`, `${this.failed} failed`];
		const stats = this.delivery?.stats;
		if (stats?.retried) parts.push(`${stats.retried} retried`);
		if (stats?.rateLimited)
			parts.push(
				`${stats.rateLimited} rate-limited (waited ${(stats.rateLimitWaitMs / 1000).toFixed(1)} s)`,
			);
		parts.push(`${((this.ok + this.failed) / seconds).toFixed(1)}/s`);
		return `${this.label}: ${prefix}${parts.join(', ')}`;
	}
}

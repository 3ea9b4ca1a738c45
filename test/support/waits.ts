/**
 * n8n-workflow's `sleep`, recorded instead of spent.
 *
 * The delivery engine (Retry-After, backoff, speed limit) and the content download's
 * transcoding poll wait with n8n-workflow's `sleep`. Recording the waits instead of spending
 * them keeps a run with thousands of 429s quick and lets a test assert the schedule exactly as
 * the engine chose it (jitter included); everything else of n8n-workflow is the real module.
 * With a fake clock, `Date.now` moves by the recorded waits, so deadlines and Retry-After dates
 * come out as if the time had really passed. A test about real time (the speed limit) can
 * spend its waits for real with `spendWaitsForReal()`.
 *
 * In a test file:
 *
 *     jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep());
 *     const mockWaits = useRecordedWaits({ clock: Date.parse('2026-11-02T09:00:00Z') });
 *
 * `jest.mock` is hoisted above the imports, so its factory may only use `jest` (or `require`).
 * The state lives on the test file's global object, not in this module, so the `sleep` the
 * factory builds and the `useRecordedWaits` the test file imports share it even if they were
 * two instances of this module.
 */

type Workflow = typeof import('n8n-workflow');

/**
 * The fake `Date.now`:
 * - `true`: the real clock, moved on by every recorded wait;
 * - a time (ms since the epoch): starts there and moves only by the recorded waits;
 * - `{ frozenAt }`: stands still there (waits are recorded but never move it).
 */
export type FakeClock = true | number | { frozenAt: number };

interface ClockState {
	start: number | 'real';
	moved: number;
	frozen: boolean;
}

interface WaitsState {
	/** Every `ms` the recorded `sleep` was called with in the current test, in order. */
	waits: number[];
	/** Spend the waits for real too (after recording them). */
	real: boolean;
	/** The fake clock of the current test, if the file asked for one. */
	clock?: ClockState;
	/** The recorded `sleep`, once `workflowWithRecordedSleep()` has built it. */
	sleep?: Workflow['sleep'];
}

const STATE = Symbol.for('test/support/waits');
const realNow = Date.now.bind(Date);

function state(): WaitsState {
	const global = globalThis as { [STATE]?: WaitsState };
	return (global[STATE] ??= { waits: [], real: false });
}

function now(clock: ClockState): number {
	return (clock.start === 'real' ? realNow() : clock.start) + clock.moved;
}

/** The real n8n-workflow with its `sleep` replaced by one that records (see above). */
export function workflowWithRecordedSleep(): Workflow {
	const actual = jest.requireActual<Workflow>('n8n-workflow');
	const waits = state();
	waits.sleep = async (ms: number) => {
		waits.waits.push(ms);
		const { clock, real } = waits;
		// A real clock spent for real has moved already.
		if (clock && !clock.frozen && !(real && clock.start === 'real')) clock.moved += ms;
		if (real) await actual.sleep(ms);
	};
	return { ...actual, sleep: waits.sleep };
}

/**
 * Empties the record before each test and returns it (the same array throughout the file);
 * with `clock`, puts `Date.now` on a fake clock for each test and restores it afterwards.
 * Needs `jest.mock('n8n-workflow', …workflowWithRecordedSleep())` in the same file.
 */
export function useRecordedWaits(options: { clock?: FakeClock } = {}): number[] {
	// Without the mock the waits would be spent, unseen: say so instead. (Requiring n8n-workflow
	// runs the mock's factory if nothing has yet.)
	const { sleep } = require('n8n-workflow') as Workflow;
	const waits = state();
	if (!waits.sleep || sleep !== waits.sleep) {
		throw new Error(
			"useRecordedWaits: mock n8n-workflow in this file: jest.mock('n8n-workflow', () => jest.requireActual('../support/waits').workflowWithRecordedSleep())",
		);
	}
	const { clock } = options;
	let dateNow: jest.SpyInstance<number, []> | undefined;
	beforeEach(() => {
		waits.waits.length = 0;
		waits.real = false;
		if (clock === undefined) return;
		const fake: ClockState =
			typeof clock === 'object'
				? { start: clock.frozenAt, moved: 0, frozen: true }
				: { start: clock === true ? 'real' : clock, moved: 0, frozen: false };
		waits.clock = fake;
		dateNow = jest.spyOn(Date, 'now').mockImplementation(() => now(fake));
	});
	afterEach(() => {
		dateNow?.mockRestore();
		dateNow = undefined;
		waits.clock = undefined;
		waits.real = false;
	});
	return waits.waits;
}

/** For the rest of the current test, spend every wait for real too (it is still recorded). */
export function spendWaitsForReal(): void {
	state().real = true;
}

import type { MockRequest, MockResponse } from '../test/support/mockLine';
import type { SandboxCore } from './core';

/**
 * What the sandbox's LINE API operations share: their type, and LINE's answers and error shapes
 * (as LINE's API reference shows them).
 */

export type Operation = (
	core: SandboxCore,
	request: MockRequest,
) => MockResponse | Promise<MockResponse>;

export const ok = (body: unknown = {}, status = 200): MockResponse => ({ status, body });

export const NOT_FOUND: MockResponse = { status: 404, body: { message: 'Not found' } };

/** `{ message, details: [] }`, the shape of most of LINE's own errors. */
export function lineError(status: number, message: string): MockResponse {
	return { status, body: { message, details: [] } };
}

/** LINE's answer to a body it refuses field by field. */
export function bodyErrors(
	problems: Array<{ property: string; message: string }>,
	status = 400,
): MockResponse {
	return {
		status,
		body: { message: `The request body has ${problems.length} error(s)`, details: problems },
	};
}

/** LINE's answer when an ID in the body does not exist. */
export function invalidProperty(property: string): MockResponse {
	return {
		status: 400,
		body: {
			message: `The property, '${property}', in the request body is invalid (line: -, column: -)`,
		},
	};
}

/** LINE's answer to a user ID in the path that is no user ID. */
export const INVALID_USER_ID: MockResponse = {
	status: 400,
	body: { message: "The value for the 'userId' parameter is invalid" },
};

export function bodyOf<T>(request: MockRequest): T {
	return request.body as T;
}

/** The `{name}` segment of the path (e.g. 4 for `/v2/bot/group/{groupId}/…`). */
export function segment(request: MockRequest, index: number): string {
	return decodeURIComponent(request.path.split('/')[index] ?? '');
}

export function header(request: MockRequest, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** A query parameter given once (the first when repeated). */
export function query(request: MockRequest, name: string): string | undefined {
	const value = request.query[name];
	return Array.isArray(value) ? value[0] : value;
}

/** A query parameter that may repeat (`status=A&status=B`) or list values with commas. */
export function queryList(request: MockRequest, name: string): string[] {
	const value = request.query[name];
	if (value === undefined) return [];
	return [value]
		.flat()
		.flatMap((entry) => entry.split(','))
		.filter((entry) => entry !== '');
}

const DAY_MS = 86_400_000;

/** A date as LINE's statistics write it: `yyyyMMdd` in Japan time (UTC+9). */
export function jstDate(time: number | string | Date = Date.now()): string {
	const at = new Date(new Date(time).getTime() + 9 * 3_600_000);
	return at.toISOString().slice(0, 10).replace(/-/g, '');
}

/** The `yyyyMMdd` dates from `from` to `to`, both included (empty when `to` is before `from`). */
export function datesBetween(from: string, to: string): string[] {
	const start = Date.UTC(+from.slice(0, 4), +from.slice(4, 6) - 1, +from.slice(6, 8));
	const end = Date.UTC(+to.slice(0, 4), +to.slice(4, 6) - 1, +to.slice(6, 8));
	const dates: string[] = [];
	for (let day = start; day <= end && dates.length <= 1200; day += DAY_MS) {
		dates.push(new Date(day).toISOString().slice(0, 10).replace(/-/g, ''));
	}
	return dates;
}

/** LINE counts a day once it is over in Japan: today and later are not ready yet. */
export function isPastJstDay(date: string): boolean {
	return date < jstDate();
}

export const seconds = (time = Date.now()) => Math.floor(time / 1000);

/** `object` without the properties `names`. */
export function omit<T extends object>(object: T, ...names: string[]): Partial<T> {
	return Object.fromEntries(
		Object.entries(object).filter(([name]) => !names.includes(name)),
	) as Partial<T>;
}

/**
 * Summaries of a V8 CPU profile (the `Profiler.stop` result written by child.ts): self time by
 * area (package, Node internals, GC, idle) and inclusive time of chosen functions. Inclusive
 * time follows the synchronous stack only: code resumed after an `await` is not "inside" the
 * async function that awaited, so async functions show the CPU work of their synchronous parts.
 */

export interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

export interface Probe {
	label: string;
	/** Matches a frame: function name (exact, or RegExp) and a fragment of its script URL. */
	functionName: string | RegExp;
	url?: string;
}

export interface ProfileSummary {
	totalMs: number;
	areas: Array<{ area: string; ms: number }>;
	probes: Array<{ label: string; ms: number }>;
	topSelf: Array<{ frame: string; ms: number }>;
}

/** The area a script belongs to: its package, Node itself, or this repository's code. */
export function areaOf(frame: CallFrame): string {
	const { url, functionName } = frame;
	if (!url) {
		if (functionName === '(garbage collector)') return 'GC';
		if (functionName === '(idle)') return 'idle (waiting for I/O)';
		if (functionName === '(program)') return 'V8/native (program)';
		return `native: ${functionName || '(anonymous)'}`;
	}
	if (url.startsWith('node:internal/deps/undici')) return 'Node: undici (fetch)';
	if (url.startsWith('node:')) {
		if (/node:(internal\/)?(http|_http|net|stream|streams|dns|url|internal\/url)/.test(url)) return 'Node: http/net/streams';
		return 'Node: other internals';
	}
	const marker = '/node_modules/';
	const at = url.lastIndexOf(marker);
	if (at >= 0) {
		const rest = url.slice(at + marker.length).split('/');
		const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
		return `pkg: ${name}`;
	}
	if (url.includes('/bench/.build/nodes/') || url.includes('/bench/.build/credentials/')) return 'this package: node code';
	if (url.includes('/bench/.build/test/')) return 'test harness (credentials helper, engine setup)';
	if (url.includes('/bench/.build/bench/')) return 'bench code';
	return `other: ${url}`;
}

function frameName(frame: CallFrame): string {
	const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/bench\/\.build\//, '');
	return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

function matches(frame: CallFrame, probe: Probe): boolean {
	const nameMatches =
		typeof probe.functionName === 'string'
			? frame.functionName === probe.functionName
			: probe.functionName.test(frame.functionName);
	return nameMatches && (!probe.url || frame.url.includes(probe.url));
}

export function summarizeProfile(profile: CpuProfile, probes: Probe[], top = 25): ProfileSummary {
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}

	// Self time per node: each sample's interval is the time delta that follows it.
	const selfUs = new Map<number, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		const delta = profile.timeDeltas[i + 1] ?? 0;
		selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + delta);
	}

	// Probes a node is inside of (any ancestor matching), memoized along the tree.
	const inside = new Map<number, Set<number>>();
	const probesOf = (id: number): Set<number> => {
		const cached = inside.get(id);
		if (cached) return cached;
		const up = parent.get(id);
		const set = new Set(up === undefined ? [] : probesOf(up));
		const frame = byId.get(id)!.callFrame;
		probes.forEach((probe, index) => {
			if (matches(frame, probe)) set.add(index);
		});
		inside.set(id, set);
		return set;
	};

	const areas = new Map<string, number>();
	const probeUs = new Array<number>(probes.length).fill(0);
	const frames = new Map<string, number>();
	let totalUs = 0;
	for (const [id, us] of selfUs) {
		totalUs += us;
		const frame = byId.get(id)!.callFrame;
		const area = areaOf(frame);
		areas.set(area, (areas.get(area) ?? 0) + us);
		const name = frameName(frame);
		frames.set(name, (frames.get(name) ?? 0) + us);
		for (const index of probesOf(id)) probeUs[index] += us;
	}
	const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
	return {
		totalMs: totalUs / 1000,
		areas: sorted(areas).map(([area, us]) => ({ area, ms: us / 1000 })),
		probes: probes.map((probe, index) => ({ label: probe.label, ms: probeUs[index] / 1000 })),
		topSelf: sorted(frames)
			.slice(0, top)
			.map(([frame, us]) => ({ frame, ms: us / 1000 })),
	};
}

/**
 * CPU time split into buckets chosen by `classify`, which sees each sample's whole synchronous
 * stack (leaf first) and returns a bucket name.
 */
export function bucketize(profile: CpuProfile, classify: (stack: CallFrame[]) => string): Array<{ bucket: string; ms: number }> {
	const byId = new Map<number, ProfileNode>();
	const parent = new Map<number, number>();
	for (const node of profile.nodes) {
		byId.set(node.id, node);
		for (const child of node.children ?? []) parent.set(child, node.id);
	}
	const bucketOf = new Map<number, string>();
	const classifyNode = (id: number): string => {
		const cached = bucketOf.get(id);
		if (cached !== undefined) return cached;
		const stack: CallFrame[] = [];
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
		const bucket = classify(stack);
		bucketOf.set(id, bucket);
		return bucket;
	};
	const totals = new Map<string, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		const delta = profile.timeDeltas[i + 1] ?? 0;
		const bucket = classifyNode(profile.samples[i]);
		totals.set(bucket, (totals.get(bucket) ?? 0) + delta);
	}
	return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([bucket, us]) => ({ bucket, ms: us / 1000 }));
}

import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm ci` installs exactly what package-lock.json lists. npm can write a lock that holds only the
 * optional binaries of the platform it ran on; then an install on another platform rewrites it and
 * contributors get different trees. Every optional dependency must be in the lock.
 */
type Entry = { version?: string; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../../package-lock.json'), 'utf8'),
) as {
	lockfileVersion: number;
	packages: Record<string, Entry>;
};
const manifest = JSON.parse(
	fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'),
) as {
	dependencies?: Record<string, string>;
	devDependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};

/** Where Node would resolve `name` from the package at `from` (its own node_modules, then up). */
function resolves(from: string, name: string): boolean {
	let base = from;
	for (;;) {
		if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
		if (!base) return false;
		const up = base.lastIndexOf('/node_modules/');
		base = up < 0 ? '' : base.slice(0, up);
	}
}

describe('package-lock.json', () => {
	it('is a version 3 lock', () => {
		expect(lock.lockfileVersion).toBe(3);
	});

	it("holds every package's optional dependencies, for every platform", () => {
		const missing: string[] = [];
		for (const [at, entry] of Object.entries(lock.packages))
			for (const name of Object.keys(entry.optionalDependencies ?? {}))
				if (!resolves(at, name)) missing.push(`${at || '(root)'} → ${name}`);
		expect(missing).toEqual([]);
	});

	it("records package.json's dependencies as the root entry does", () => {
		const root = lock.packages[''] as Entry & typeof manifest;
		expect(root.dependencies ?? {}).toEqual(manifest.dependencies ?? {});
		expect(root.devDependencies ?? {}).toEqual(manifest.devDependencies ?? {});
	});
});

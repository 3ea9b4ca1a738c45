const { src, dest, parallel } = require('gulp');

// Icons and codex files are not TypeScript: copy them next to the compiled nodes and credentials.
// `encoding: false` keeps binary icons (PNG) intact.
function copyNodeAssets() {
	return src('nodes/**/*.{png,svg,json}', { encoding: false }).pipe(dest('dist/nodes'));
}

function copyCredentialAssets() {
	return src('credentials/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/credentials'));
}

function copySharedIcons() {
	return src('icons/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

exports['build:icons'] = parallel(copyNodeAssets, copyCredentialAssets, copySharedIcons);

// The core pass needs nothing before its tests: the workspace's event_store/
// activates the extension. Both runners load this module first (mocha's
// `mochaGlobalSetup` contract, as @vscode/test-cli's `mocha.require` does).
export async function mochaGlobalSetup(): Promise<void> {}

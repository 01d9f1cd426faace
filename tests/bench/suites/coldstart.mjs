// Cold start: from spawning `npm start` (fresh local state, nothing built) to the first HTTP 200 of
// GET / on the demo host. The orchestrator measures it while it starts the server for all suites.
export const name = "coldstart";
export const description = "`npm start` with fresh state → first 200 of GET / on demo.kontor.localhost";

export async function run(ctx) {
  const c = ctx.startup;
  if (!c) throw new Error("the server was not started by this run");
  return {
    command: "npm start",
    freshState: c.freshState,
    msToFirst200: c.msToFirst200,
    msToMigrated: c.msToMigrated,
    msToWranglerReady: c.msToWranglerReady,
    msFromWranglerReadyToFirst200: c.msToWranglerReady === null ? null : c.msToFirst200 - c.msToWranglerReady,
    pollAttempts: c.pollAttempts,
    stateDir: c.stateDir,
  };
}

export function rows(m) {
  return [
    ["first 200 of GET / (ms)", m.msToFirst200],
    ["  migrations + seed done (ms)", m.msToMigrated],
    ["  wrangler \"Ready on\" (ms)", m.msToWranglerReady],
    ["fresh state", m.freshState ? "yes" : "no"],
  ];
}

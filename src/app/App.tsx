export function App() {
  return (
    <main className="min-h-screen bg-slate-50 p-8 text-slate-900">
      <h1 className="text-3xl font-bold">PodPlay</h1>
      <p className="mt-2 max-w-prose">
        Paste a Pod manifest, press play, and watch a simulated node run it: scheduling, image pulls, probes,
        restarts and graceful termination, on a virtual clock.
      </p>
    </main>
  );
}

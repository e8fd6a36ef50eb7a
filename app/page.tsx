import Link from "next/link";

export default function LandingPage() {
  return (
    <div className="space-y-10">
      <section className="space-y-4 pt-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Know when to push and when to rest.</h1>
        <p className="max-w-2xl text-lg text-muted">
          Threshold reads your Polar data through AccessLink and shows your heart-rate zones, training load,
          sleep stages, resting heart rate and HRV trends — with flags that explain themselves when the numbers
          point to overreaching. Coaches see a roster of the athletes who chose to share with them.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/signin"
            className="rounded-md bg-accent px-4 py-2 font-medium text-accent-fg hover:opacity-90"
            data-testid="landing-signin"
          >
            Sign in with Polar
          </Link>
        </div>
      </section>
      <section aria-labelledby="what" className="grid gap-4 sm:grid-cols-3">
        <h2 id="what" className="sr-only">
          What Threshold does
        </h2>
        <Feature title="Sync you can trust">
          Every session, night and day is pulled transactionally: a failed sync loses nothing and doubles nothing,
          and it tells you plainly what happened.
        </Feature>
        <Feature title="Numbers you can trace">
          Every figure links to its inputs and formula, computed on your own local days.
        </Feature>
        <Feature title="You decide who sees what">
          Share training, sleep, recovery or body data with a coach — and stop sharing at any time.
        </Feature>
      </section>
    </div>
  );
}

function Feature({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-border bg-surface p-4">
      <h3 className="font-semibold">{title}</h3>
      <p className="mt-1 text-sm text-muted">{children}</p>
    </div>
  );
}

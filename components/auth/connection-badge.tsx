import type { ConnectionState, RegistrationStatus } from "@/lib/auth/connection";

type BadgeLook = { label: string; icon: string; className: string };

const STATE_LOOK: Record<ConnectionState, BadgeLook> = {
  connected: { label: "Connected", icon: "●", className: "border-ok text-ok" },
  reconnect_needed: { label: "Reconnect needed", icon: "⚠", className: "border-high text-high" },
  consents_needed: { label: "Consents needed", icon: "⚠", className: "border-watch text-watch" },
  disconnected: { label: "Disconnected", icon: "○", className: "border-border text-muted" },
};

const REGISTRATION_LOOK: Record<Exclude<RegistrationStatus, "registered">, BadgeLook> = {
  pending: { label: "Registration pending", icon: "…", className: "border-watch text-watch" },
  failed: { label: "Registration failed", icon: "⚠", className: "border-high text-high" },
};

/**
 * The athlete's link to Polar in one word and an icon (never colour alone). A lasting connection problem
 * (reconnect, consents) outranks registration, because fixing it is what makes registration possible.
 */
export function ConnectionBadge({
  state,
  registrationStatus,
}: {
  state: ConnectionState;
  registrationStatus: RegistrationStatus | null;
}) {
  const look =
    state === "connected" && registrationStatus && registrationStatus !== "registered"
      ? REGISTRATION_LOOK[registrationStatus]
      : STATE_LOOK[state];
  return (
    <span
      data-testid="connection-badge"
      data-state={state}
      data-registration={registrationStatus ?? "none"}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${look.className}`}
    >
      <span aria-hidden>{look.icon}</span>
      {look.label}
    </span>
  );
}

import { randomBytes } from 'node:crypto';

interface Proof {
  sessionId: string;
  method: string;
  expiresAt: number;
}

/**
 * Short-lived proofs that the signed-in person typed their password again, each for one method
 * and one session, used once. In memory: a restart forgets them, as it forgets sessions.
 */
export class ReauthProofs {
  private readonly proofs = new Map<string, Proof>();
  private readonly now: () => Date;

  constructor(
    private readonly lifetimeMs: number,
    now?: () => Date,
  ) {
    this.now = now ?? (() => new Date());
  }

  issue(sessionId: string, method: string): { reauthProof: string; expiresAt: Date } {
    this.sweep();
    const reauthProof = randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.now().getTime() + this.lifetimeMs);
    this.proofs.set(reauthProof, { sessionId, method, expiresAt: expiresAt.getTime() });
    return { reauthProof, expiresAt };
  }

  /** True once for a live proof of this session and method; the proof is gone afterwards either way. */
  consume(reauthProof: string, sessionId: string, method: string): boolean {
    const proof = this.proofs.get(reauthProof);
    if (proof === undefined) return false;
    this.proofs.delete(reauthProof);
    return proof.sessionId === sessionId && proof.method === method && proof.expiresAt > this.now().getTime();
  }

  /** Drops every proof of a session (sign-out). */
  forgetSession(sessionId: string): void {
    for (const [key, proof] of this.proofs) if (proof.sessionId === sessionId) this.proofs.delete(key);
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [key, proof] of this.proofs) if (proof.expiresAt <= now) this.proofs.delete(key);
  }
}

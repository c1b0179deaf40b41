import type { EventMessage, EventName, EventPayload } from '../contract/events.js';

export type EventListener = (message: EventMessage) => void;

/** Typed fan-out of contract events to every connected host. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message: EventMessage = { event, payload };
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // One broken listener (a closed socket) must not stop the others.
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

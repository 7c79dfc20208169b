type Listener<T> = (payload: T) => void;

/** A minimal typed event emitter; a throwing listener is reported, never allowed to break the emitter. */
export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error(error)) {}

  /** Subscribes and returns the function that unsubscribes. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** Calls every listener synchronously, in subscription order. */
  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        // A subscriber (history, metrics) failing must not abort an accepted update half-way.
        this.onListenerError(error);
      }
    }
  }
}

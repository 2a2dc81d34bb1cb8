// A sensor filter for the AssemblyScript producer tests: a ring buffer of
// readings kept in a managed Array, a running mean, and a report string, so
// that each runtime (stub, minimal, incremental) allocates and, with a
// collector, collects.
class Ring {
  samples: Array<f64>;
  next: i32 = 0;
  count: i32 = 0;

  constructor(size: i32) {
    this.samples = new Array<f64>(size);
  }

  push(v: f64): void {
    this.samples[this.next] = v;
    this.next = (this.next + 1) % this.samples.length;
    if (this.count < this.samples.length) this.count++;
  }

  mean(): f64 {
    let sum: f64 = 0;
    for (let i = 0; i < this.count; i++) sum += this.samples[i];
    return this.count ? sum / this.count : 0;
  }
}

let ring: Ring = new Ring(16);

export function sensor_push(v: f64): void {
  ring.push(v);
}

export function sensor_mean(): f64 {
  return ring.mean();
}

export function sensor_report_length(): i32 {
  return ("mean " + ring.mean().toString() + " of " + ring.count.toString()).length;
}

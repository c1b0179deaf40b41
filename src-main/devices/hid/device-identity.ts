/** What every driver's handshake answers: the technician's Diagnostik page shows these. */
export interface DeviceIdentity {
  model: string;
  serial: string;
  firmware: string;
}

#!/bin/sh
# .deb post-install of KTP Station (electron-builder fills in the ${...} names).
set -e
app_dir='/opt/${sanitizedProductName}'
# The launcher on the PATH.
ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
# Chromium's setuid sandbox helper must be root-owned and setuid where user namespaces are off.
if [ -f "$app_dir/chrome-sandbox" ]; then
  chown root:root "$app_dir/chrome-sandbox" || true
  chmod 4755 "$app_dir/chrome-sandbox" || true
fi
# The device rules (fingerprint, signature pad, card printer): load them and apply them to
# devices already plugged in.
install -D -m 0644 "$app_dir/resources/udev/70-ktp-station.rules" /usr/lib/udev/rules.d/70-ktp-station.rules
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=tty --subsystem-match=hidraw --subsystem-match=usb --subsystem-match=usbmisc || true
fi
exit 0

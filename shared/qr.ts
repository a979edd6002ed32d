import QRCode from 'qrcode';

/**
 * QR codes for offers, share links and presentation requests. Error correction M and a quiet
 * zone of 4 modules, which phone cameras read reliably; codes carry links, never whole
 * credentials (a presentation with three credentials no longer fits).
 */
export function qrPng(text: string, width = 400): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width });
}

export function qrDataUrl(text: string, width = 400): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width });
}

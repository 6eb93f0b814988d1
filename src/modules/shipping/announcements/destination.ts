import { ALLOW_PRIVATE_SETTING, checkDestination, DestinationRefused } from '../../../connectors/safe-fetch.js';

/**
 * Why Paved will not send announcements to `text`, or null when it may. Checked when a subscription is saved and
 * again before each send (a host name can start resolving elsewhere). https only: the body, and for Slack and Teams
 * the URL itself, are secrets. Plain http is accepted only with PAVED_ALLOW_PRIVATE_DESTINATIONS, the setting for
 * test and lab instances whose receivers sit on a private network without TLS.
 */
export async function destinationRefusal(text: string, allowPrivate: boolean): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL (https://…)';
  }
  if (url.protocol === 'http:' && !allowPrivate)
    return `must be an https URL (plain http is accepted only when ${ALLOW_PRIVATE_SETTING}=true)`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  try {
    await checkDestination(url, { allowPrivate }, AbortSignal.timeout(5_000));
    return null;
  } catch (error) {
    if (error instanceof DestinationRefused) return `is refused: ${error.message}`;
    const message = error instanceof Error ? error.message : String(error);
    return `${url.hostname} could not be resolved (${message})`;
  }
}

import { PriceSourceError } from "../price-source-error.ts";

export type Fetch = typeof fetch;
export type Sleep = (ms: number) => Promise<void>;

/**
 * GETs JSON, retrying what is transient (429 and 5xx, honouring Retry-After up to 30 s) with
 * exponential backoff; other failures are a PriceSourceError naming the API.
 */
export async function getJson(
  api: string,
  url: string,
  fetchFn: Fetch,
  sleep: Sleep,
  attempts = 4,
): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      if (attempt >= attempts)
        throw new PriceSourceError(`${api} could not be reached: ${(error as Error).message}.`, {
          cause: error,
          retryable: true,
        });
      await sleep(250 * 2 ** attempt);
      continue;
    }
    if (response.ok) {
      try {
        return await response.json();
      } catch (error) {
        throw new PriceSourceError(`${api} answered with something that is not JSON.`, { cause: error });
      }
    }
    const transient = response.status === 429 || response.status >= 500;
    if (!transient || attempt >= attempts) {
      const what =
        response.status === 401 || response.status === 403
          ? "rejected the credentials"
          : `answered HTTP ${response.status}`;
      throw new PriceSourceError(`${api} ${what}.`, { retryable: transient });
    }
    const retryAfter = Number(response.headers.get("retry-after"));
    await sleep(
      Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attempt,
    );
  }
}

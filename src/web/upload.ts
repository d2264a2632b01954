import { ApiError, csrfHeaders, type ProblemError } from "./api";

/*
 * A JSON POST that reports upload progress (fetch cannot), for documents large enough that
 * a person would otherwise wonder whether anything is happening.
 */

export interface UploadProgress {
  /** Bytes sent of bytes in all; `total` is 0 while unknown. */
  loaded: number;
  total: number;
  /** "upload" while the body is sent, "convert" while the server works on it. */
  phase: "upload" | "convert";
}

export function postWithProgress<T>(
  path: string,
  body: unknown,
  onProgress: (p: UploadProgress) => void,
  ifMatch?: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    xhr.setRequestHeader("content-type", "application/json");
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    if (ifMatch) xhr.setRequestHeader("if-match", ifMatch);
    xhr.upload.onprogress = (e) =>
      onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0, phase: "upload" });
    xhr.upload.onload = () => onProgress({ loaded: 1, total: 1, phase: "convert" });
    xhr.onerror = () =>
      reject(new ApiError(0, "network", "The upload failed: the server could not be reached"));
    xhr.onload = () => {
      let payload: Record<string, unknown> = {};
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // A non-JSON answer (a proxy's error page): reported by status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else
        reject(
          new ApiError(
            xhr.status,
            String(payload.code ?? xhr.status),
            String(payload.detail ?? xhr.statusText),
            (payload.errors as ProblemError[]) ?? [],
            payload,
          ),
        );
    };
    xhr.send(JSON.stringify(body));
  });
}

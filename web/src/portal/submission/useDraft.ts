import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import type { Draft, DraftData, DraftFile } from '../citizenTypes.ts';
import { fetchDraft, pushDraft, readLocalDraft, writeLocalDraft, type LocalDraft } from './draftStore.ts';

export type DraftState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'submitted'; reference: string }
  | { status: 'ready'; draft: LocalDraft; files: DraftFile[]; offline: boolean };

/** The journey's draft: restored from this browser and the server, changed locally at once, saved on request. */
export function useDraft(code: string) {
  const [state, setState] = useState<DraftState>({ status: 'loading' });
  const current = useRef<LocalDraft | null>(null);

  useEffect(() => {
    let live = true;
    const local = readLocalDraft(code);
    current.current = local;
    if (!local) {
      setState({ status: 'none' });
      return;
    }
    fetchDraft(local).then(
      (server) => {
        if (!live) return;
        if (server.submitted) {
          setState({ status: 'submitted', reference: server.submitted.reference });
          return;
        }
        const merged: LocalDraft = local.dirty ? { ...local, version: server.version } : { ...local, version: server.version, data: server.data };
        current.current = merged;
        writeLocalDraft(code, merged);
        setState({ status: 'ready', draft: merged, files: server.files, offline: false });
      },
      (cause: unknown) => {
        if (!live) return;
        if (cause instanceof ApiError && cause.status === 404) {
          writeLocalDraft(code, null);
          current.current = null;
          setState({ status: 'none' });
        } else {
          // No connection: carry on from this browser's copy; saving will tell when the server is back.
          setState({ status: 'ready', draft: local, files: [], offline: true });
        }
      },
    );
    return () => { live = false; };
  }, [code]);

  /**
   * Records answers in this browser immediately (nothing is lost if the page closes now). A function patch reads
   * the latest answers, for changes that finish later (uploads) while others happen.
   */
  const change = useCallback((patch: Partial<DraftData> | ((data: DraftData) => Partial<DraftData>)) => {
    const draft = current.current;
    if (!draft) return;
    const next: LocalDraft = { ...draft, data: { ...draft.data, ...(typeof patch === 'function' ? patch(draft.data) : patch) }, dirty: true };
    current.current = next;
    writeLocalDraft(code, next);
    setState((s) => (s.status === 'ready' ? { ...s, draft: next } : s));
  }, [code]);

  /** Saves the answers on the server; throws ApiError (e.g. network_error) and keeps the local copy dirty. */
  const save = useCallback(async (patch: Partial<DraftData>) => {
    change(patch);
    const draft = current.current!;
    const server = await pushDraft(draft);
    const saved: LocalDraft = { ...current.current!, version: server.version, dirty: false };
    current.current = saved;
    writeLocalDraft(code, saved);
    setState({ status: 'ready', draft: saved, files: server.files, offline: false });
    return saved;
  }, [code, change]);

  const addFile = useCallback((file: DraftFile) => {
    setState((s) => (s.status === 'ready' ? { ...s, files: [...s.files.filter((f) => f.id !== file.id), file] } : s));
  }, []);

  /** Takes a draft the server changed (e.g. a previous result attached), keeping nothing unsaved. */
  const adopt = useCallback((server: Draft) => {
    const draft = current.current;
    if (!draft) return;
    const next: LocalDraft = { ...draft, version: server.version, data: { ...draft.data, documents: server.data.documents } };
    current.current = next;
    writeLocalDraft(code, next);
    setState({ status: 'ready', draft: next, files: server.files, offline: false });
  }, [code]);

  return { state, change, save, addFile, adopt };
}

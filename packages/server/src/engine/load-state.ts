/** `milvus.proto.common.LoadState` values. */
export const LoadState = {
  LoadStateNotExist: 0,
  LoadStateNotLoad: 1,
  LoadStateLoading: 2,
  LoadStateLoaded: 3,
} as const;

/** A `common.LoadState` number. */
export type LoadStateValue = (typeof LoadState)[keyof typeof LoadState];

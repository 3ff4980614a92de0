/**
 * Channel and server options shared by every Strata gRPC endpoint. Messages carry blocks of up
 * to a few MiB, so the 4 MiB default receive limit is raised; keepalives notice a dead peer on
 * an idle connection.
 */
export const GRPC_MESSAGE_BYTES_MAX = 16 * 1024 * 1024;

export const GRPC_CHANNEL_OPTIONS = {
  'grpc.max_receive_message_length': GRPC_MESSAGE_BYTES_MAX,
  'grpc.max_send_message_length': GRPC_MESSAGE_BYTES_MAX,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 2_000,
  // A larger HTTP/2 window keeps a fast block stream from stalling on flow control.
  'grpc-node.flow_control_window': 8 * 1024 * 1024,
  // Channelz keeps per-call bookkeeping nobody here reads; it is a measurable share of a
  // small GET's CPU in the front-end.
  'grpc.enable_channelz': 0,
} as const;

export const GRPC_SERVER_OPTIONS = {
  'grpc.max_receive_message_length': GRPC_MESSAGE_BYTES_MAX,
  'grpc.max_send_message_length': GRPC_MESSAGE_BYTES_MAX,
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.http2.min_ping_interval_without_data_ms': 5_000,
  'grpc-node.flow_control_window': 8 * 1024 * 1024,
  'grpc.enable_channelz': 0,
} as const;

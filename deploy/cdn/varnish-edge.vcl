vcl 4.1;

# Varnish as a CDN edge in front of Strata: caches GET and HEAD of public blobs for as long
# as the origin's Cache-Control says, keeps expired copies for conditional revalidation
# (Varnish sends If-None-Match / If-Modified-Since; Strata answers 304), and passes ranges
# through to the origin when the object is not cached yet.
#
# Placeholders: {{ORIGIN_HOST}} and {{ORIGIN_PORT}} (a Strata front-end), {{ACCOUNT_HOST}}
# (`accountHost` in stamp.json: {account}.{domain}).

backend strata {
  .host = "{{ORIGIN_HOST}}";
  .port = "{{ORIGIN_PORT}}";
}

sub vcl_recv {
  if (req.method != "GET" && req.method != "HEAD") {
    return (synth(405, "Method Not Allowed"));
  }
  # Anonymous requests name the account by Host; the bucket and key are the path.
  set req.http.host = "{{ACCOUNT_HOST}}";
  # Cookies and credentials are not part of a public blob's identity.
  unset req.http.cookie;
  unset req.http.authorization;
  return (hash);
}

sub vcl_backend_response {
  # Errors (403 for private blobs, 404) are never cached.
  if (beresp.status >= 400) {
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
  }
  # Keep expired copies an hour, to revalidate them with a conditional GET.
  set beresp.keep = 1h;
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache-Status = "HIT";
  } else {
    set resp.http.X-Cache-Status = "MISS";
  }
}

"""gunicorn settings for Baggrund: `gunicorn -c deploy/gunicorn.conf.py portal.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads serve slow PDF downloads without tying up a whole process each.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# The app is imported once in the master and forked, so a recycled worker starts at once
# instead of importing Django while its share of the connections wait (a wrk timeout at
# 2,000 requests per recycle). Recycling still bounds what a leak could hold.
preload_app = True
max_requests = 20000
max_requests_jitter = 2000
# Uploads up to the configured limit pass through the proxy; bodies are spooled to disk.
limit_request_line = 8190
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"time":"%(t)s","remote":"%(h)s","method":"%(m)s","path":"%(U)s","query":"%(q)s",'
    '"status":%(s)s,"bytes":%(B)s,"duration_ms":%(M)s,"agent":"%(a)s",'
    '"request_id":"%({x-request-id}o)s"}'
)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

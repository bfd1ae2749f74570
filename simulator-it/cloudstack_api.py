"""A small CloudStack API client: signed requests, as CloudMonkey sends them, and async job polling.

Standard library only. Talks to the management server on loopback.
"""
import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request


class ApiError(Exception):
    """An error answer: HTTP status, CloudStack's errorcode and errortext."""

    def __init__(self, command, status, code, text):
        super().__init__("%s: %s %s %s" % (command, status, code, text))
        self.command = command
        self.status = status
        self.code = code
        self.text = text


class JobFailed(ApiError):
    """An async job that ended FAILED; code and text are the job result's."""


class CloudStack:
    def __init__(self, endpoint, api_key=None, secret_key=None, timeout=120):
        self.endpoint = endpoint
        self.api_key = api_key
        self.secret_key = secret_key
        self.timeout = timeout

    # --- session and keys -------------------------------------------------------------------------------------
    def login(self, username="admin", password="password"):
        """A password login; returns the session and the opener that carries its cookie."""
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        body = urllib.parse.urlencode({"command": "login", "username": username, "password": password,
                                       "domain": "/", "response": "json"}).encode()
        with opener.open(self.endpoint, body, timeout=self.timeout) as reply:
            return json.loads(reply.read().decode())["loginresponse"], opener

    def login_and_register_keys(self, username="admin", password="password"):
        """Logs in with a password once, then uses signed requests only (registerUserKeys replaces the user's
        previous keys)."""
        session, opener = self.login(username, password)
        params = {"command": "registerUserKeys", "id": session["userid"], "response": "json",
                  "sessionkey": session["sessionkey"]}
        with opener.open(self.endpoint + "?" + urllib.parse.urlencode(params), timeout=self.timeout) as reply:
            keys = json.loads(reply.read().decode())["registeruserkeysresponse"]["userkeys"]
        self.api_key = keys["apikey"]
        self.secret_key = keys["secretkey"]
        return self

    # --- requests ---------------------------------------------------------------------------------------------
    def signed_url(self, command, params):
        query = {"command": command, "response": "json", "apikey": self.api_key}
        for key, value in params.items():
            if value is None:
                continue
            query[key] = str(value).lower() if isinstance(value, bool) else str(value)
        pairs = sorted(query.items(), key=lambda kv: kv[0].lower())
        encoded = "&".join("%s=%s" % (k, urllib.parse.quote(v, safe="*")) for k, v in pairs)
        digest = hmac.new(self.secret_key.encode(), encoded.lower().replace("+", "%20").encode(),
                          hashlib.sha1).digest()
        signature = urllib.parse.quote(base64.b64encode(digest).decode(), safe="")
        return "%s?%s&signature=%s" % (self.endpoint, encoded, signature)

    def call(self, command, **params):
        """Sends one command; returns the body of its '<command>response' object; raises ApiError on errors."""
        url = self.signed_url(command, params)
        try:
            with urllib.request.urlopen(url, timeout=self.timeout) as reply:
                data = json.loads(reply.read().decode())
        except urllib.error.HTTPError as e:
            raw = e.read().decode(errors="replace")
            try:
                data = json.loads(raw)
                body = next(iter(data.values()))
                raise ApiError(command, e.code, body.get("errorcode"), body.get("errortext")) from None
            except (ValueError, StopIteration, AttributeError):
                raise ApiError(command, e.code, None, raw[:500]) from None
        return next(iter(data.values()))

    def run(self, command, wait=600, **params):
        """Sends an async command and waits for its job; returns the job result, raises JobFailed."""
        started = self.call(command, **params)
        job_id = started.get("jobid")
        if job_id is None:
            return started
        return self.wait_job(job_id, command, wait)

    def start(self, command, **params):
        """Sends an async command without waiting; returns its job id."""
        return self.call(command, **params)["jobid"]

    def wait_job(self, job_id, command="job", wait=600):
        deadline = time.time() + wait
        while True:
            job = self.call("queryAsyncJobResult", jobid=job_id)
            status = job.get("jobstatus")
            if status == 1:
                return job.get("jobresult", {})
            if status == 2:
                result = job.get("jobresult", {})
                raise JobFailed(command, job.get("jobresultcode"), result.get("errorcode"), result.get("errortext"))
            if time.time() > deadline:
                raise TimeoutError("%s: job %s still running after %d s" % (command, job_id, wait))
            time.sleep(1)

    def list(self, command, key, **params):
        """A list* command's items (an empty list when CloudStack leaves the key out)."""
        params.setdefault("listall", True)
        return self.call(command, **params).get(key, [])

package dev.statelab.service.lambda;

/** The small runtime scripts that load a handler, call it once and print its response. */
final class Bootstraps {

  private Bootstraps() {}

  /**
   * Python: reads the event on stdin, imports {@code module.function} from {@code _HANDLER},
   * calls it with a context object and writes the response to stdout (the handler's own prints go
   * to stderr). Exit 0 means a response, exit 3 an error payload.
   */
  static final String PYTHON = """
      import importlib, json, os, sys, time, traceback

      class LambdaContext:
          def __init__(self, request_id, deadline_ms):
              self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
              self.function_version = "$LATEST"
              self.invoked_function_arn = os.environ.get("STATELAB_FUNCTION_ARN", "")
              self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
              self.aws_request_id = request_id
              self.log_group_name = "/aws/lambda/" + self.function_name
              self.log_stream_name = "statelab"
              self._deadline_ms = deadline_ms

          def get_remaining_time_in_millis(self):
              return max(0, int(self._deadline_ms - time.time() * 1000))

      def fail(out, error_type, message, request_id, stack):
          payload = {"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack}
          out.write(json.dumps(payload).encode("utf-8"))
          out.flush()
          sys.exit(3)

      def main():
          out = sys.stdout.buffer
          sys.stdout = sys.stderr
          request_id = os.environ["STATELAB_REQUEST_ID"]
          context = LambdaContext(request_id, int(os.environ["STATELAB_DEADLINE_MS"]))
          sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
          module_name, _, function_name = os.environ["_HANDLER"].rpartition(".")
          try:
              module = importlib.import_module(module_name.replace("/", "."))
          except Exception as e:
              fail(out, "Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e), request_id, [])
          handler = getattr(module, function_name, None)
          if handler is None:
              fail(out, "Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name), request_id, [])
          raw = sys.stdin.buffer.read()
          try:
              event = json.loads(raw) if raw.strip() else {}
          except ValueError as e:
              fail(out, "Runtime.UnmarshalError", "Unable to unmarshal input: %s" % e, request_id, [])
          try:
              result = handler(event, context)
          except Exception as e:
              stack = traceback.format_list(traceback.extract_tb(e.__traceback__)[1:])
              fail(out, type(e).__name__, str(e), request_id, stack)
          if isinstance(result, (bytes, bytearray)):
              body = bytes(result)
          else:
              try:
                  body = json.dumps(result).encode("utf-8")
              except Exception as e:
                  fail(out, "Runtime.MarshalError", "Unable to marshal response: %s" % e, request_id, [])
          out.write(body)
          out.flush()

      main()
      """;

  /** Node.js: the same protocol for {@code file.export} handlers (async or callback-less). */
  static final String NODE = """
      const path = require('path');
      const fs = require('fs');
      const requestId = process.env.STATELAB_REQUEST_ID;
      const deadline = Number(process.env.STATELAB_DEADLINE_MS);
      const out = (text, code) => { fs.writeSync(1, text); process.exit(code); };
      const fail = (type, message, stack) =>
        out(JSON.stringify({errorType: type, errorMessage: message, trace: stack || []}), 3);
      console.log = console.error;
      const handlerSpec = process.env._HANDLER;
      const dot = handlerSpec.lastIndexOf('.');
      const modulePath = path.join(process.env.LAMBDA_TASK_ROOT, handlerSpec.substring(0, dot));
      let mod;
      try { mod = require(modulePath); } catch (e) { fail('Runtime.ImportModuleError', String(e.message)); }
      const fn = mod[handlerSpec.substring(dot + 1)];
      if (typeof fn !== 'function') { fail('Runtime.HandlerNotFound', handlerSpec + ' is undefined or not exported'); }
      const raw = fs.readFileSync(0, 'utf8');
      const event = raw.trim() ? JSON.parse(raw) : {};
      const context = {
        functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
        memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
        awsRequestId: requestId,
        invokedFunctionArn: process.env.STATELAB_FUNCTION_ARN,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      };
      Promise.resolve().then(() => fn(event, context)).then(
        (result) => out(result === undefined ? 'null' : JSON.stringify(result), 0),
        (e) => fail(e && e.name ? e.name : 'Error', String(e && e.message !== undefined ? e.message : e),
          e && e.stack ? String(e.stack).split('\\n').slice(1).map((s) => s.trim()) : []));
      """;
}

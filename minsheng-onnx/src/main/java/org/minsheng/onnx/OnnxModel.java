package org.minsheng.onnx;

import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * A transformer-style model in an ONNX file, run by ONNX Runtime on the CPU: it takes
 * {@code input_ids} (int64, batch × tokens) and, when it declares them, {@code attention_mask} and
 * {@code token_type_ids}, and gives one float output. What the file declares is checked when it is
 * loaded, so a wrong file fails at start with a message that says what is wrong, not at the first
 * request.
 */
final class OnnxModel implements AutoCloseable {

	static final String IDS = "input_ids";

	static final String MASK = "attention_mask";

	static final String TYPES = "token_type_ids";

	private final OrtEnvironment env;

	private final OrtSession session;

	private final String output;

	private final TensorInfo outputInfo;

	private OnnxModel(OrtEnvironment env, OrtSession session, String output, TensorInfo outputInfo) {
		this.env = env;
		this.session = session;
		this.output = output;
		this.outputInfo = outputInfo;
	}

	/**
	 * ONNX Runtime's calls run on threads of their own with a large stack: building the session of
	 * a quantized model (bge-small-zh-v1.5) overflowed the 1 MB stack of an ordinary Java thread and
	 * crashed the process (SIGSEGV, no Java exception), depending only on how much of the stack the
	 * caller had used.
	 */
	private static final java.util.concurrent.ExecutorService RUNTIME = java.util.concurrent.Executors
		.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {

			private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

			@Override
			public Thread newThread(Runnable r) {
				var t = new Thread(null, r, "onnx-runtime-" + next.incrementAndGet(), STACK);
				t.setDaemon(true);
				return t;
			}
		});

	/** The stack of ONNX Runtime's calling threads. */
	static final long STACK = 64L << 20;

	/** Runs a call of ONNX Runtime on one of its own threads and waits for it; its exceptions come through as they are. */
	private static <T> T onRuntimeThread(java.util.concurrent.Callable<T> call) {
		try {
			return RUNTIME.submit(call).get();
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			if (e.getCause() instanceof Error err) throw err;
			throw new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the ONNX model ran", e);
		}
	}

	static OnnxModel load(Path file, int threads) {
		if (!Files.isRegularFile(file)) throw new IllegalArgumentException("No ONNX model file at " + file);
		return onRuntimeThread(() -> loadHere(file, threads));
	}

	private static OnnxModel loadHere(Path file, int threads) {
		var env = OrtEnvironment.getEnvironment();
		OrtSession session = null;
		try {
			var options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(Math.max(1, threads));
			session = env.createSession(file.toString(), options);
			var inputs = session.getInputInfo();
			if (!inputs.containsKey(IDS)) {
				throw new IllegalArgumentException(file + " has no input named " + IDS + " (it has " + inputs.keySet() + ")");
			}
			for (var e : inputs.entrySet()) {
				if (!(e.getValue().getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.INT64 || t.getShape().length != 2) {
					throw new IllegalArgumentException(file + ": input " + e.getKey() + " must be an int64 tensor of batch × tokens");
				}
				if (!e.getKey().equals(IDS) && !e.getKey().equals(MASK) && !e.getKey().equals(TYPES)) {
					throw new IllegalArgumentException(file + ": unknown input " + e.getKey() + " (known: " + IDS + ", " + MASK
							+ ", " + TYPES + ")");
				}
			}
			var outputs = session.getOutputInfo();
			NodeInfo first = outputs.values().iterator().next();
			if (!(first.getInfo() instanceof TensorInfo out) || out.type != OnnxJavaType.FLOAT) {
				throw new IllegalArgumentException(file + ": the first output must be a float tensor");
			}
			return new OnnxModel(env, session, first.getName(), out);
		}
		catch (OrtException e) {
			closeQuietly(session);
			throw new IllegalArgumentException("Cannot load the ONNX model " + file + ": " + e.getMessage(), e);
		}
		catch (RuntimeException e) {
			closeQuietly(session);
			throw e;
		}
	}

	/** The declared shape of the output (−1 where the file leaves a dimension open). */
	long[] outputShape() {
		return outputInfo.getShape();
	}

	/** Runs the model on one sequence of token ids; the output as nested float arrays. */
	Object run(long[] ids) {
		return onRuntimeThread(() -> runHere(ids));
	}

	private Object runHere(long[] ids) {
		var shape = new long[] { 1, ids.length };
		var inputs = new HashMap<String, OnnxTensor>();
		try {
			inputs.put(IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
			var declared = session.getInputNames();
			if (declared.contains(MASK)) {
				var mask = new long[ids.length];
				java.util.Arrays.fill(mask, 1);
				inputs.put(MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
			}
			if (declared.contains(TYPES)) {
				inputs.put(TYPES, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
			}
			try (var result = session.run(Map.copyOf(inputs), java.util.Set.of(output))) {
				return result.get(0).getValue();
			}
		}
		catch (OrtException e) {
			throw new IllegalStateException("The ONNX model failed: " + e.getMessage(), e);
		}
		finally {
			inputs.values().forEach(OnnxTensor::close);
		}
	}

	@Override
	public void close() {
		closeQuietly(session);
	}

	private static void closeQuietly(OrtSession session) {
		if (session == null) return;
		try {
			session.close();
		}
		catch (OrtException e) {
			// closing what failed to load
		}
	}
}

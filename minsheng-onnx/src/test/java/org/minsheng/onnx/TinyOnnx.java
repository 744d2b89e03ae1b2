package org.minsheng.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes tiny ONNX models for the adapter's tests, protobuf by hand (there are no model downloads
 * here and no ONNX builder in Java): an embedding table looked up by {@code input_ids} (Gather),
 * then either the token vectors as they are (an encoder), or their mean (ReduceMean, opset 13)
 * times a weight matrix plus a bias (MatMul, Add): logits (a classifier).
 */
final class TinyOnnx {

	private TinyOnnx() {
	}

	/** A classifier: logits = mean(embedding[ids]) · weights + bias. */
	static Path classifier(Path file, float[][] embedding, float[][] weights, float[] bias) throws IOException {
		int labels = bias.length;
		var graph = new Proto()
			.message(1, node(List.of("emb", "input_ids"), "tokens", "Gather", null))
			.message(1, node(List.of("tokens"), "pooled", "ReduceMean", new Proto().string(1, "axes").varint(20, 7)
				.varint(8, 1).toBytes(), new Proto().string(1, "keepdims").varint(20, 2).varint(3, 0).toBytes()))
			.message(1, node(List.of("pooled", "w"), "scores", "MatMul", null))
			.message(1, node(List.of("scores", "b"), "logits", "Add", null))
			.string(2, "tiny-classifier")
			.message(5, tensor("emb", embedding))
			.message(5, tensor("w", weights))
			.message(5, tensor("b", new float[][] { bias }, new long[] { labels }))
			.message(11, valueInfo("input_ids", 7, new Object[] { "batch", "tokens" }))
			.message(12, valueInfo("logits", 1, new Object[] { "batch", (long) labels }));
		return write(file, graph);
	}

	/** An encoder: the embedding of each token, batch × tokens × dims. */
	static Path encoder(Path file, float[][] embedding) throws IOException {
		var graph = new Proto()
			.message(1, node(List.of("emb", "input_ids"), "vectors", "Gather", null))
			.string(2, "tiny-encoder")
			.message(5, tensor("emb", embedding))
			.message(11, valueInfo("input_ids", 7, new Object[] { "batch", "tokens" }))
			.message(12, valueInfo("vectors", 1, new Object[] { "batch", "tokens", (long) embedding[0].length }));
		return write(file, graph);
	}

	private static Path write(Path file, Proto graph) throws IOException {
		var model = new Proto()
			.varint(1, 8) // ir_version
			.string(2, "minsheng-tests") // producer_name
			.message(7, graph.toBytes())
			.message(8, new Proto().string(1, "").varint(2, 13).toBytes()); // opset_import: ai.onnx 13
		Files.write(file, model.toBytes());
		return file;
	}

	private static byte[] node(List<String> inputs, String output, String op, byte[]... attributes) {
		var node = new Proto();
		inputs.forEach(i -> node.string(1, i));
		node.string(2, output).string(3, op + "_" + output).string(4, op);
		if (attributes != null) {
			for (var a : attributes) node.message(5, a);
		}
		return node.toBytes();
	}

	private static byte[] tensor(String name, float[][] rows) {
		return tensor(name, rows, new long[] { rows.length, rows[0].length });
	}

	private static byte[] tensor(String name, float[][] rows, long[] dims) {
		var raw = ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (var row : rows) {
			for (float v : row) raw.putFloat(v);
		}
		var t = new Proto();
		for (long d : dims) t.varint(1, d);
		return t.varint(2, 1).string(8, name).bytes(9, raw.array()).toBytes(); // FLOAT, raw little-endian
	}

	/** A tensor's name, element type (1 float, 7 int64) and shape: a number or a named open dimension. */
	private static byte[] valueInfo(String name, int elementType, Object[] dims) {
		var shape = new Proto();
		for (var d : dims) {
			shape.message(1, d instanceof Long n ? new Proto().varint(1, n).toBytes() : new Proto().string(2, (String) d).toBytes());
		}
		var tensorType = new Proto().varint(1, elementType).message(2, shape.toBytes());
		return new Proto().string(1, name).message(2, new Proto().message(1, tensorType.toBytes()).toBytes()).toBytes();
	}

	/** Just enough of the protobuf wire format: varints and length-delimited fields. */
	static final class Proto {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Proto varint(int field, long value) {
			raw((field << 3));
			raw(value);
			return this;
		}

		Proto string(int field, String value) {
			return bytes(field, value.getBytes(StandardCharsets.UTF_8));
		}

		Proto message(int field, byte[] value) {
			return bytes(field, value);
		}

		Proto bytes(int field, byte[] value) {
			raw((field << 3) | 2);
			raw(value.length);
			out.writeBytes(value);
			return this;
		}

		private void raw(long value) {
			while ((value & ~0x7FL) != 0) {
				out.write((int) ((value & 0x7F) | 0x80));
				value >>>= 7;
			}
			out.write((int) value);
		}

		byte[] toBytes() {
			return out.toByteArray();
		}
	}
}

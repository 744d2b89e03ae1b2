package org.minsheng.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Entry point of bench/run.sh.
 *
 * <pre>
 * audit  h2|pg [seconds] [threads] [chain length] [offered rate/s, 0 = as fast as possible]
 * lookup h2|pg [citizens] [look-ups]
 * orders h2|pg [orders] [seconds of register+dispatch] [threads]
 * kb     h2|pg [articles] [searches]          knowledge retrieval quality and speed
 * kb-dense h2|pg [searches] [words weights]   the same retrieval with bge-small-zh-v1.5 dense vectors, fused
 *                                             with each words weight given (default 0.5; e.g. 0.3,0.5,0.7)
 * calls  h2|pg [levels] [hold s] [calls/s]   contact center under call load (sipp; recording on)
 * nlp    h2|pg [analyses]                    text intelligence: analyze p50/p99 and batch rate, training time
 * cipher                                     (JMH)
 * </pre>
 */
public final class Bench {

	public static void main(String[] args) throws Exception {
		var what = args.length == 0 ? "help" : args[0];
		switch (what) {
			case "audit" -> AuditLoad.run(args[1], intArg(args, 2, 30), intArg(args, 3, 8), intArg(args, 4, 1_000_000),
					intArg(args, 5, 0));
			case "lookup" -> CitizenLookupLoad.run(args[1], intArg(args, 2, 1_000_000), intArg(args, 3, 20_000));
			case "orders" -> WorkOrderLoad.run(args[1], intArg(args, 2, 1_000_000), intArg(args, 3, 30), intArg(args, 4, 8));
			case "kb" -> KnowledgeLoad.run(args[1], intArg(args, 2, 100_000), intArg(args, 3, 2_000));
			case "kb-dense" -> KnowledgeLoad.dense(args[1], intArg(args, 2, 1_000),
					args.length > 3 ? args[3] : "0.5");
			case "calls" -> CallLoad.run(args[1], args.length > 2 ? args[2] : "100,200,300,400,500", intArg(args, 3, 40),
					intArg(args, 4, 50));
			case "nlp" -> UnderstandingLoad.run(args[1], intArg(args, 2, 2_000));
			case "cipher" -> new Runner(new OptionsBuilder().include(CipherBenchmark.class.getSimpleName()).build()).run();
			default -> System.out.println("usage: audit h2|pg [seconds] [threads] [chain] [rate] | lookup h2|pg [citizens] [n] | cipher");
		}
		System.exit(0);
	}

	private static int intArg(String[] args, int i, int fallback) {
		return args.length > i ? Integer.parseInt(args[i]) : fallback;
	}
}

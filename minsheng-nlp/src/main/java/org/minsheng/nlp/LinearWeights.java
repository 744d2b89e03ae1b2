package org.minsheng.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.liblinear.LibLinearModel;

/**
 * What a trained linear text classifier is, apart from the library that trained it: its labels in
 * the order of the weights, its features by number with their inverse document frequencies, and
 * LibLinear's weight matrix ({@code nrW} weights per feature: one for two labels, else one per label;
 * {@code n} features covered, the last being LibLinear's own bias). This is what a model file keeps
 * ({@link ModelFile}), and all that classifying needs. Made from a Tribuo model in one place
 * ({@link #of}), the only code that reads LibLinear's internals.
 *
 * @param bias the number of the constant feature every example carries ({@link ClassifierTraining#BIAS}), -1 if none
 */
record LinearWeights(String[] labels, String[] features, double[] idf, double unseen, int bias, double[] w, int nrW, int n) {

	LinearWeights {
		if (labels.length < 2) throw new IllegalArgumentException("A classifier has at least two labels");
		if (features.length != idf.length) throw new IllegalArgumentException("One idf per feature");
		if (w.length != (long) n * nrW) throw new IllegalArgumentException("The weights are n × nrW: " + w.length);
		if (nrW != (labels.length == 2 ? 1 : labels.length)) throw new IllegalArgumentException("nrW does not fit the labels");
	}

	/** The weights of a Tribuo LibLinear logistic regression model trained on features weighted by these idf. */
	static LinearWeights of(Model<Label> model, Map<String, Double> idf, double unseen) {
		var inner = ((LibLinearModel<Label>) model).getInnerModels().get(0);
		if (!inner.isProbabilityModel()) throw new IllegalStateException("Not a logistic regression model: " + inner.getSolverType());
		var outputs = inner.getLabels();
		var labels = new String[outputs.length];
		for (int i = 0; i < outputs.length; i++) labels[i] = model.getOutputIDInfo().getOutput(outputs[i]).getLabel();
		var featureMap = model.getFeatureIDMap();
		var features = new String[featureMap.size()];
		var weights = new double[featureMap.size()];
		for (var info : featureMap) {
			int id = featureMap.getID(info.getName());
			features[id] = info.getName();
			weights[id] = idf.getOrDefault(info.getName(), unseen);
		}
		int n = inner.getNrFeature() + (inner.getBias() >= 0 ? 1 : 0);
		int bias = featureMap.getID(ClassifierTraining.BIAS);
		return new LinearWeights(labels, features, weights, unseen, bias, inner.getFeatureWeights().clone(),
				inner.getNrClass() == 2 ? 1 : inner.getNrClass(), n);
	}

	/** The idf of each feature by its name, as training weighed the examples. */
	Map<String, Double> idfByFeature() {
		var out = new HashMap<String, Double>();
		for (int i = 0; i < features.length; i++) out.put(features[i], idf[i]);
		return out;
	}

	/** The feature names in number order. */
	ArrayList<String> featureList() {
		var out = new ArrayList<String>(features.length);
		for (var f : features) out.add(f);
		return out;
	}
}

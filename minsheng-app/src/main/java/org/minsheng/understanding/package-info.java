/**
 * Understanding requests (听得懂、分得准): wires the text models of {@code minsheng-nlp} to the
 * center's data. Training examples are imported or taken from the center's orders, models are
 * trained with cross-validated figures, kept as versioned files and replace the active one only
 * when not worse; {@link org.minsheng.understanding.Understanding#analyze} reads a request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Understanding")
package org.minsheng.understanding;

package org.trialsearch.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * The highlighter's own BM25 passage score, computed without the term hash Lucene's scorer builds
 * for every passage: that hash allocates a 32 KB block each time, and scoring the sentences of a
 * long eligibility text cost more in allocation than the rest of the highlighting. A passage holds
 * a handful of matches, so its distinct terms are found by comparing them with each other.
 */
final class PassageScore extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    int matches = passage.getNumMatches();
    double score = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) continue;
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) if (terms[j].bytesEquals(terms[i])) inPassage++;
      score += tf(inPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
    }
    return (float) (score * norm(passage.getStartOffset()));
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int k = 0; k < i; k++) if (terms[k].bytesEquals(terms[i])) return true;
    return false;
  }
}

package org.trialsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.index.FacetFields;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TrialDocuments;
import org.trialsearch.index.TrialSearcher;

/**
 * "More like this" for a trial: the distinctive words of its conditions, interventions, title and
 * criteria, plus its antigens and conditions as strong signals, the trial itself left out.
 */
final class SimilarTrials {

  private static final String[] TEXT = {Fields.CONDITION, Fields.INTERVENTION, Fields.TITLE, Fields.CRITERIA};
  private static final float ANTIGEN_BOOST = 4f;
  private static final float CONDITION_BOOST = 2f;

  private final Analyzer analyzer;

  SimilarTrials(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query query(TrialSearcher searcher, EnrichedTrial trial) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(TEXT);
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxDocFreqPct(20);
    mlt.setMaxQueryTerms(30);
    mlt.setBoost(true);
    Map<String, Collection<Object>> text = new HashMap<>();
    for (String field : TEXT) text.put(field, new ArrayList<>(TrialDocuments.textValues(field, trial.trial(), trial.facets())));
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(mlt.like(text), Occur.SHOULD);
    for (String antigen : trial.facets().antigens()) {
      query.add(new BoostQuery(FacetFields.holding(Fields.ANTIGEN, antigen), ANTIGEN_BOOST), Occur.SHOULD);
    }
    for (String condition : trial.trial().conditions()) {
      Query phrase = new org.apache.lucene.util.QueryBuilder(analyzer).createPhraseQuery(Fields.CONDITION, condition);
      if (phrase != null) query.add(new BoostQuery(phrase, CONDITION_BOOST), Occur.SHOULD);
    }
    query.add(new TermQuery(new Term(Fields.NCT_ID, trial.trial().nctId())), Occur.MUST_NOT);
    return query.build();
  }
}

// natural ships types for its folders' index modules only; the Porter stemmer is imported alone (the stemmers'
// index loads sixteen languages, 0.13 s more at the start of every query).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

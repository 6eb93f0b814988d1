import { Link } from 'react-router-dom';
import { Card } from '../../components/Card.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorState } from '../../components/ErrorState.js';
import { Loading } from '../../components/Loading.js';
import { useTopNews } from '../../hooks/queries/use-whats-new.js';
import { NewsList } from '../shipping/NewsList.js';

/** The team page's glimpse of its what's new: the first three, what touches it first. */
export function TeamWhatsNew({ name }: { name: string }) {
  const news = useTopNews(name, 3);
  return (
    <Card
      title="What’s new for this team"
      actions={<Link to={`/shipping/whats-new?team=${encodeURIComponent(name)}`}>All of it →</Link>}
    >
      {news.isPending ? (
        <Loading variant="table" count={2} label="Loading what’s new" />
      ) : news.error ? (
        <ErrorState error={news.error} retry={() => void news.refetch()} what="what’s new" />
      ) : news.data.items.length === 0 ? (
        <EmptyState compact title="No releases of what this team uses or asked for" />
      ) : (
        <NewsList items={news.data.items} notes={false} />
      )}
    </Card>
  );
}
